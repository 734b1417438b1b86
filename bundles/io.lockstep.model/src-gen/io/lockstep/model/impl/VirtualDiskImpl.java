/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model.impl;

import io.lockstep.model.Datastore;
import io.lockstep.model.DiskFormat;
import io.lockstep.model.LockstepPackage;
import io.lockstep.model.Registration;
import io.lockstep.model.Reservation;
import io.lockstep.model.VirtualDisk;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.EObjectWithInverseResolvingEList;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Virtual Disk</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getFile <em>File</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getCapacityBytes <em>Capacity Bytes</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getFormat <em>Format</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getDatastore <em>Datastore</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getParent <em>Parent</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getChildren <em>Children</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getRegistrations <em>Registrations</em>}</li>
 *   <li>{@link io.lockstep.model.impl.VirtualDiskImpl#getReservation <em>Reservation</em>}</li>
 * </ul>
 *
 * @generated
 */
public class VirtualDiskImpl extends NamedImpl implements VirtualDisk {
	/**
	 * The default value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected static final String FILE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getFile() <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFile()
	 * @generated
	 * @ordered
	 */
	protected String file = FILE_EDEFAULT;

	/**
	 * The default value of the '{@link #getCapacityBytes() <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCapacityBytes()
	 * @generated
	 * @ordered
	 */
	protected static final long CAPACITY_BYTES_EDEFAULT = 0L;

	/**
	 * The cached value of the '{@link #getCapacityBytes() <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCapacityBytes()
	 * @generated
	 * @ordered
	 */
	protected long capacityBytes = CAPACITY_BYTES_EDEFAULT;

	/**
	 * The default value of the '{@link #getFormat() <em>Format</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFormat()
	 * @generated
	 * @ordered
	 */
	protected static final DiskFormat FORMAT_EDEFAULT = DiskFormat.VMDK_SPARSE;

	/**
	 * The cached value of the '{@link #getFormat() <em>Format</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getFormat()
	 * @generated
	 * @ordered
	 */
	protected DiskFormat format = FORMAT_EDEFAULT;

	/**
	 * The cached value of the '{@link #getParent() <em>Parent</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getParent()
	 * @generated
	 * @ordered
	 */
	protected VirtualDisk parent;

	/**
	 * The cached value of the '{@link #getChildren() <em>Children</em>}' reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getChildren()
	 * @generated
	 * @ordered
	 */
	protected EList<VirtualDisk> children;

	/**
	 * The cached value of the '{@link #getRegistrations() <em>Registrations</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getRegistrations()
	 * @generated
	 * @ordered
	 */
	protected EList<Registration> registrations;

	/**
	 * The cached value of the '{@link #getReservation() <em>Reservation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getReservation()
	 * @generated
	 * @ordered
	 */
	protected Reservation reservation;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected VirtualDiskImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return LockstepPackage.Literals.VIRTUAL_DISK;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getFile() {
		return file;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFile(String newFile) {
		String oldFile = file;
		file = newFile;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__FILE, oldFile, file));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public long getCapacityBytes() {
		return capacityBytes;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCapacityBytes(long newCapacityBytes) {
		long oldCapacityBytes = capacityBytes;
		capacityBytes = newCapacityBytes;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__CAPACITY_BYTES, oldCapacityBytes, capacityBytes));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public DiskFormat getFormat() {
		return format;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setFormat(DiskFormat newFormat) {
		DiskFormat oldFormat = format;
		format = newFormat == null ? FORMAT_EDEFAULT : newFormat;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__FORMAT, oldFormat, format));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Datastore getDatastore() {
		if (eContainerFeatureID() != LockstepPackage.VIRTUAL_DISK__DATASTORE) return null;
		return (Datastore)eInternalContainer();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetDatastore(Datastore newDatastore, NotificationChain msgs) {
		msgs = eBasicSetContainer((InternalEObject)newDatastore, LockstepPackage.VIRTUAL_DISK__DATASTORE, msgs);
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDatastore(Datastore newDatastore) {
		if (newDatastore != eInternalContainer() || (eContainerFeatureID() != LockstepPackage.VIRTUAL_DISK__DATASTORE && newDatastore != null)) {
			if (EcoreUtil.isAncestor(this, newDatastore))
				throw new IllegalArgumentException("Recursive containment not allowed for " + toString());
			NotificationChain msgs = null;
			if (eInternalContainer() != null)
				msgs = eBasicRemoveFromContainer(msgs);
			if (newDatastore != null)
				msgs = ((InternalEObject)newDatastore).eInverseAdd(this, LockstepPackage.DATASTORE__DISKS, Datastore.class, msgs);
			msgs = basicSetDatastore(newDatastore, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__DATASTORE, newDatastore, newDatastore));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public VirtualDisk getParent() {
		if (parent != null && parent.eIsProxy()) {
			InternalEObject oldParent = (InternalEObject)parent;
			parent = (VirtualDisk)eResolveProxy(oldParent);
			if (parent != oldParent) {
				if (eNotificationRequired())
					eNotify(new ENotificationImpl(this, Notification.RESOLVE, LockstepPackage.VIRTUAL_DISK__PARENT, oldParent, parent));
			}
		}
		return parent;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public VirtualDisk basicGetParent() {
		return parent;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetParent(VirtualDisk newParent, NotificationChain msgs) {
		VirtualDisk oldParent = parent;
		parent = newParent;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__PARENT, oldParent, newParent);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setParent(VirtualDisk newParent) {
		if (newParent != parent) {
			NotificationChain msgs = null;
			if (parent != null)
				msgs = ((InternalEObject)parent).eInverseRemove(this, LockstepPackage.VIRTUAL_DISK__CHILDREN, VirtualDisk.class, msgs);
			if (newParent != null)
				msgs = ((InternalEObject)newParent).eInverseAdd(this, LockstepPackage.VIRTUAL_DISK__CHILDREN, VirtualDisk.class, msgs);
			msgs = basicSetParent(newParent, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__PARENT, newParent, newParent));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<VirtualDisk> getChildren() {
		if (children == null) {
			children = new EObjectWithInverseResolvingEList<VirtualDisk>(VirtualDisk.class, this, LockstepPackage.VIRTUAL_DISK__CHILDREN, LockstepPackage.VIRTUAL_DISK__PARENT);
		}
		return children;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Registration> getRegistrations() {
		if (registrations == null) {
			registrations = new EObjectContainmentEList<Registration>(Registration.class, this, LockstepPackage.VIRTUAL_DISK__REGISTRATIONS);
		}
		return registrations;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Reservation getReservation() {
		return reservation;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	public NotificationChain basicSetReservation(Reservation newReservation, NotificationChain msgs) {
		Reservation oldReservation = reservation;
		reservation = newReservation;
		if (eNotificationRequired()) {
			ENotificationImpl notification = new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__RESERVATION, oldReservation, newReservation);
			if (msgs == null) msgs = notification; else msgs.add(notification);
		}
		return msgs;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setReservation(Reservation newReservation) {
		if (newReservation != reservation) {
			NotificationChain msgs = null;
			if (reservation != null)
				msgs = ((InternalEObject)reservation).eInverseRemove(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.VIRTUAL_DISK__RESERVATION, null, msgs);
			if (newReservation != null)
				msgs = ((InternalEObject)newReservation).eInverseAdd(this, EOPPOSITE_FEATURE_BASE - LockstepPackage.VIRTUAL_DISK__RESERVATION, null, msgs);
			msgs = basicSetReservation(newReservation, msgs);
			if (msgs != null) msgs.dispatch();
		}
		else if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, LockstepPackage.VIRTUAL_DISK__RESERVATION, newReservation, newReservation));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public NotificationChain eInverseAdd(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				if (eInternalContainer() != null)
					msgs = eBasicRemoveFromContainer(msgs);
				return basicSetDatastore((Datastore)otherEnd, msgs);
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				if (parent != null)
					msgs = ((InternalEObject)parent).eInverseRemove(this, LockstepPackage.VIRTUAL_DISK__CHILDREN, VirtualDisk.class, msgs);
				return basicSetParent((VirtualDisk)otherEnd, msgs);
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				return ((InternalEList<InternalEObject>)(InternalEList<?>)getChildren()).basicAdd(otherEnd, msgs);
		}
		return super.eInverseAdd(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				return basicSetDatastore(null, msgs);
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				return basicSetParent(null, msgs);
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				return ((InternalEList<?>)getChildren()).basicRemove(otherEnd, msgs);
			case LockstepPackage.VIRTUAL_DISK__REGISTRATIONS:
				return ((InternalEList<?>)getRegistrations()).basicRemove(otherEnd, msgs);
			case LockstepPackage.VIRTUAL_DISK__RESERVATION:
				return basicSetReservation(null, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eBasicRemoveFromContainerFeature(NotificationChain msgs) {
		switch (eContainerFeatureID()) {
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				return eInternalContainer().eInverseRemove(this, LockstepPackage.DATASTORE__DISKS, Datastore.class, msgs);
		}
		return super.eBasicRemoveFromContainerFeature(msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__FILE:
				return getFile();
			case LockstepPackage.VIRTUAL_DISK__CAPACITY_BYTES:
				return getCapacityBytes();
			case LockstepPackage.VIRTUAL_DISK__FORMAT:
				return getFormat();
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				return getDatastore();
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				if (resolve) return getParent();
				return basicGetParent();
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				return getChildren();
			case LockstepPackage.VIRTUAL_DISK__REGISTRATIONS:
				return getRegistrations();
			case LockstepPackage.VIRTUAL_DISK__RESERVATION:
				return getReservation();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__FILE:
				setFile((String)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__CAPACITY_BYTES:
				setCapacityBytes((Long)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__FORMAT:
				setFormat((DiskFormat)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				setDatastore((Datastore)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				setParent((VirtualDisk)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				getChildren().clear();
				getChildren().addAll((Collection<? extends VirtualDisk>)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__REGISTRATIONS:
				getRegistrations().clear();
				getRegistrations().addAll((Collection<? extends Registration>)newValue);
				return;
			case LockstepPackage.VIRTUAL_DISK__RESERVATION:
				setReservation((Reservation)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__FILE:
				setFile(FILE_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_DISK__CAPACITY_BYTES:
				setCapacityBytes(CAPACITY_BYTES_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_DISK__FORMAT:
				setFormat(FORMAT_EDEFAULT);
				return;
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				setDatastore((Datastore)null);
				return;
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				setParent((VirtualDisk)null);
				return;
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				getChildren().clear();
				return;
			case LockstepPackage.VIRTUAL_DISK__REGISTRATIONS:
				getRegistrations().clear();
				return;
			case LockstepPackage.VIRTUAL_DISK__RESERVATION:
				setReservation((Reservation)null);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case LockstepPackage.VIRTUAL_DISK__FILE:
				return FILE_EDEFAULT == null ? file != null : !FILE_EDEFAULT.equals(file);
			case LockstepPackage.VIRTUAL_DISK__CAPACITY_BYTES:
				return capacityBytes != CAPACITY_BYTES_EDEFAULT;
			case LockstepPackage.VIRTUAL_DISK__FORMAT:
				return format != FORMAT_EDEFAULT;
			case LockstepPackage.VIRTUAL_DISK__DATASTORE:
				return getDatastore() != null;
			case LockstepPackage.VIRTUAL_DISK__PARENT:
				return parent != null;
			case LockstepPackage.VIRTUAL_DISK__CHILDREN:
				return children != null && !children.isEmpty();
			case LockstepPackage.VIRTUAL_DISK__REGISTRATIONS:
				return registrations != null && !registrations.isEmpty();
			case LockstepPackage.VIRTUAL_DISK__RESERVATION:
				return reservation != null;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (file: ");
		result.append(file);
		result.append(", capacityBytes: ");
		result.append(capacityBytes);
		result.append(", format: ");
		result.append(format);
		result.append(')');
		return result.toString();
	}

} //VirtualDiskImpl
