/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.provider;


import io.lockstep.model.Datastore;
import io.lockstep.model.LockstepFactory;
import io.lockstep.model.LockstepPackage;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EStructuralFeature;

import org.eclipse.emf.edit.provider.ComposeableAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ViewerNotification;

/**
 * This is the item provider adapter for a {@link io.lockstep.model.Datastore} object.
 * <!-- begin-user-doc -->
 * <!-- end-user-doc -->
 * @generated
 */
public class DatastoreItemProvider extends NamedItemProvider {
	/**
	 * This constructs an instance from a factory and a notifier.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public DatastoreItemProvider(AdapterFactory adapterFactory) {
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

			addMediumUriPropertyDescriptor(object);
			addCapacityBytesPropertyDescriptor(object);
			addSectorSizePropertyDescriptor(object);
			addHostsPropertyDescriptor(object);
		}
		return itemPropertyDescriptors;
	}

	/**
	 * This adds a property descriptor for the Medium Uri feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addMediumUriPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_Datastore_mediumUri_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_Datastore_mediumUri_feature", "_UI_Datastore_type"),
				 LockstepPackage.Literals.DATASTORE__MEDIUM_URI,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.GENERIC_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Capacity Bytes feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addCapacityBytesPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_Datastore_capacityBytes_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_Datastore_capacityBytes_feature", "_UI_Datastore_type"),
				 LockstepPackage.Literals.DATASTORE__CAPACITY_BYTES,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.INTEGRAL_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Sector Size feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addSectorSizePropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_Datastore_sectorSize_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_Datastore_sectorSize_feature", "_UI_Datastore_type"),
				 LockstepPackage.Literals.DATASTORE__SECTOR_SIZE,
				 true,
				 false,
				 false,
				 ItemPropertyDescriptor.INTEGRAL_VALUE_IMAGE,
				 null,
				 null));
	}

	/**
	 * This adds a property descriptor for the Hosts feature.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected void addHostsPropertyDescriptor(Object object) {
		itemPropertyDescriptors.add
			(createItemPropertyDescriptor
				(((ComposeableAdapterFactory)adapterFactory).getRootAdapterFactory(),
				 getResourceLocator(),
				 getString("_UI_Datastore_hosts_feature"),
				 getString("_UI_PropertyDescriptor_description", "_UI_Datastore_hosts_feature", "_UI_Datastore_type"),
				 LockstepPackage.Literals.DATASTORE__HOSTS,
				 true,
				 false,
				 true,
				 null,
				 null,
				 null));
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
			childrenFeatures.add(LockstepPackage.Literals.DATASTORE__DISKS);
			childrenFeatures.add(LockstepPackage.Literals.DATASTORE__LEASES);
			childrenFeatures.add(LockstepPackage.Literals.DATASTORE__REGISTRATIONS);
			childrenFeatures.add(LockstepPackage.Literals.DATASTORE__RESERVATION);
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
	 * This returns Datastore.gif.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object getImage(Object object) {
		return overlayImage(object, getResourceLocator().getImage("full/obj16/Datastore"));
	}

	/**
	 * This returns the label text for the adapted class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated NOT
	 */
	@Override
	public String getText(Object object) {
		io.lockstep.model.Datastore ds = (io.lockstep.model.Datastore)object;
		String name = ds.getName() == null || ds.getName().isEmpty() ? getString("_UI_Datastore_type") : ds.getName();
		return name + " · " + ds.getHosts().size() + " hosts · " + ds.getDisks().size() + " disks";
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

		switch (notification.getFeatureID(Datastore.class)) {
			case LockstepPackage.DATASTORE__MEDIUM_URI:
			case LockstepPackage.DATASTORE__CAPACITY_BYTES:
			case LockstepPackage.DATASTORE__SECTOR_SIZE:
				fireNotifyChanged(new ViewerNotification(notification, notification.getNotifier(), false, true));
				return;
			case LockstepPackage.DATASTORE__DISKS:
			case LockstepPackage.DATASTORE__LEASES:
			case LockstepPackage.DATASTORE__REGISTRATIONS:
			case LockstepPackage.DATASTORE__RESERVATION:
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
				(LockstepPackage.Literals.DATASTORE__DISKS,
				 LockstepFactory.eINSTANCE.createVirtualDisk()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATASTORE__LEASES,
				 LockstepFactory.eINSTANCE.createLease()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATASTORE__REGISTRATIONS,
				 LockstepFactory.eINSTANCE.createRegistration()));

		newChildDescriptors.add
			(createChildParameter
				(LockstepPackage.Literals.DATASTORE__RESERVATION,
				 LockstepFactory.eINSTANCE.createReservation()));
	}

}
