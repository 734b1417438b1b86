/**
 * Lockstep — generated from lockstep.ecore by releng/modelgen; do not edit parts marked @generated
 */
package io.lockstep.model;

import org.eclipse.emf.common.util.EList;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Virtual Disk</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.lockstep.model.VirtualDisk#getFile <em>File</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getCapacityBytes <em>Capacity Bytes</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getFormat <em>Format</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getDatastore <em>Datastore</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getParent <em>Parent</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getChildren <em>Children</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getRegistrations <em>Registrations</em>}</li>
 *   <li>{@link io.lockstep.model.VirtualDisk#getReservation <em>Reservation</em>}</li>
 * </ul>
 *
 * @see io.lockstep.model.LockstepPackage#getVirtualDisk()
 * @model annotation="http://www.eclipse.org/emf/2002/Ecore constraints='parentChainAcyclic'"
 * @generated
 */
public interface VirtualDisk extends Named {
	/**
	 * Returns the value of the '<em><b>File</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>File</em>' attribute.
	 * @see #setFile(String)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_File()
	 * @model
	 * @generated
	 */
	String getFile();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getFile <em>File</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>File</em>' attribute.
	 * @see #getFile()
	 * @generated
	 */
	void setFile(String value);

	/**
	 * Returns the value of the '<em><b>Capacity Bytes</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Capacity Bytes</em>' attribute.
	 * @see #setCapacityBytes(long)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_CapacityBytes()
	 * @model
	 * @generated
	 */
	long getCapacityBytes();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getCapacityBytes <em>Capacity Bytes</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Capacity Bytes</em>' attribute.
	 * @see #getCapacityBytes()
	 * @generated
	 */
	void setCapacityBytes(long value);

	/**
	 * Returns the value of the '<em><b>Format</b></em>' attribute.
	 * The literals are from the enumeration {@link io.lockstep.model.DiskFormat}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Format</em>' attribute.
	 * @see io.lockstep.model.DiskFormat
	 * @see #setFormat(DiskFormat)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Format()
	 * @model
	 * @generated
	 */
	DiskFormat getFormat();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getFormat <em>Format</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Format</em>' attribute.
	 * @see io.lockstep.model.DiskFormat
	 * @see #getFormat()
	 * @generated
	 */
	void setFormat(DiskFormat value);

	/**
	 * Returns the value of the '<em><b>Datastore</b></em>' container reference.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.Datastore#getDisks <em>Disks</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Datastore</em>' container reference.
	 * @see #setDatastore(Datastore)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Datastore()
	 * @see io.lockstep.model.Datastore#getDisks
	 * @model opposite="disks"
	 * @generated
	 */
	Datastore getDatastore();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getDatastore <em>Datastore</em>}' container reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Datastore</em>' container reference.
	 * @see #getDatastore()
	 * @generated
	 */
	void setDatastore(Datastore value);

	/**
	 * Returns the value of the '<em><b>Parent</b></em>' reference.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.VirtualDisk#getChildren <em>Children</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Parent</em>' reference.
	 * @see #setParent(VirtualDisk)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Parent()
	 * @see io.lockstep.model.VirtualDisk#getChildren
	 * @model opposite="children"
	 * @generated
	 */
	VirtualDisk getParent();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getParent <em>Parent</em>}' reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Parent</em>' reference.
	 * @see #getParent()
	 * @generated
	 */
	void setParent(VirtualDisk value);

	/**
	 * Returns the value of the '<em><b>Children</b></em>' reference list.
	 * The list contents are of type {@link io.lockstep.model.VirtualDisk}.
	 * It is bidirectional and its opposite is '{@link io.lockstep.model.VirtualDisk#getParent <em>Parent</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Children</em>' reference list.
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Children()
	 * @see io.lockstep.model.VirtualDisk#getParent
	 * @model opposite="parent"
	 * @generated
	 */
	EList<VirtualDisk> getChildren();

	/**
	 * Returns the value of the '<em><b>Registrations</b></em>' containment reference list.
	 * The list contents are of type {@link io.lockstep.model.Registration}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Registrations</em>' containment reference list.
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Registrations()
	 * @model containment="true"
	 * @generated
	 */
	EList<Registration> getRegistrations();

	/**
	 * Returns the value of the '<em><b>Reservation</b></em>' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Reservation</em>' containment reference.
	 * @see #setReservation(Reservation)
	 * @see io.lockstep.model.LockstepPackage#getVirtualDisk_Reservation()
	 * @model containment="true"
	 * @generated
	 */
	Reservation getReservation();

	/**
	 * Sets the value of the '{@link io.lockstep.model.VirtualDisk#getReservation <em>Reservation</em>}' containment reference.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Reservation</em>' containment reference.
	 * @see #getReservation()
	 * @generated
	 */
	void setReservation(Reservation value);

} // VirtualDisk
