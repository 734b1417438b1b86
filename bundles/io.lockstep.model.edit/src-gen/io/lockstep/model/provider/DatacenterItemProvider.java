/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.provider;


import io.lockstep.model.Datacenter;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.LockstepPackage;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EStructuralFeature;

import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ViewerNotification;

/**
 * This is the item provider adapter for a {@link io.lockstep.model.Datacenter} object.
 * <!-- begin-user-doc -->
 * <!-- end-user-doc -->
 * @generated
 */
public class DatacenterItemProvider extends NamedItemProvider {
	/**
	 * This constructs an instance from a factory and a notifier.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public DatacenterItemProvider(AdapterFactory adapterFactory) {
		super(adapterFactory);
	}

	/**
	 * This returns the property descriptors for the adapted class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public List<IItemPropertyDescriptor> getPropertyDescriptors(Object object) {
		if (itemPropertyDescriptors == null) {
			super.getPropertyDescriptors(object);

		}
		return itemPropertyDescriptors;
	}

	/**
	 * This specifies how to implement {@link #getChildren} and is used to deduce an appropriate feature for an
	 * {@link org.eclipse.emf.edit.command.AddCommand}, {@link org.eclipse.emf.edit.command.RemoveCommand} or
	 * {@link org.eclipse.emf.edit.command.MoveCommand} in {@link #createCommand}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Collection<? extends EStructuralFeature> getChildrenFeatures(Object object) {
		if (childrenFeatures == null) {
			super.getChildrenFeatures(object);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__HOSTS);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__DATASTORES);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__VMS);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__FT_PAIRS);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__TASKS);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__EVENTS);
			childrenFeatures.add(LockstepPackage.Literals.DATACENTER__ALARMS);
		}
		return childrenFeatures;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EStructuralFeature getChildFeature(Object object, Object child) {
		// Check the type of the specified child object and return the proper feature to use for
		// adding (see {@link AddCommand}) it as a child.

		return super.getChildFeature(object, child);
	}

	/**
	 * This returns Datacenter.gif.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object getImage(Object object) {
		return overlayImage(object, getResourceLocator().getImage("full/obj16/Datacenter"));
	}

	/**
	 * This returns the label text for the adapted class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getText(Object object) {
		String label = ((Datacenter)object).getName();
		return label == null || label.length() == 0 ?
			getString("_UI_Datacenter_type") :
			getString("_UI_Datacenter_type") + " " + label;
	}


	/**
	 * This handles model notifications by calling {@link #updateChildren} to update any cached
	 * children and by creating a viewer notification, which it passes to {@link #fireNotifyChanged}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void notifyChanged(Notification notification) {
		updateChildren(notification);

		switch (notification.getFeatureID(Datacenter.class)) {
			case LockstepPackage.DATACENTER__HOSTS:
			case LockstepPackage.DATACENTER__DATASTORES:
			case LockstepPackage.DATACENTER__VMS:
			case LockstepPackage.DATACENTER__FT_PAIRS:
			case LockstepPackage.DATACENTER__TASKS:
			case LockstepPackage.DATACENTER__EVENTS:
			case LockstepPackage.DATACENTER__ALARMS:
				fireNotifyChanged(new ViewerNotification(notification, notification.getNotifier(), true, false));
				return;
		}
		super.notifyChanged(notification);
	}

	/**
	 * This adds {@link org.eclipse.emf.edit.command.CommandParameter}s describing the children
	 * that can be created under this object.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected void collectNewChildDescriptors(Collection<Object> newChildDescriptors, Object object) {
		super.collectNewChildDescriptors(newChildDescriptors, object);

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__HOSTS,
				 LockstepFactory.eINSTANCE.createHost()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__DATASTORES,
				 LockstepFactory.eINSTANCE.createDatastore()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__VMS,
				 LockstepFactory.eINSTANCE.createVirtualMachine()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__FT_PAIRS,
				 LockstepFactory.eINSTANCE.createFtPair()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__TASKS,
				 LockstepFactory.eINSTANCE.createTask()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__EVENTS,
				 LockstepFactory.eINSTANCE.createEvent()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATACENTER__ALARMS,
				 LockstepFactory.eINSTANCE.createAlarm()));
	}

}
